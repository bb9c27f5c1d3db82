package cn.chengxin.listing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.Notice;
import cn.chengxin.account.NoticeWording;
import cn.chengxin.account.Notices;
import org.springframework.stereotype.Component;

/**
 * A list notice (告知书) for a reader of another language (G13): the notice itself is the Chinese text as issued, the
 * legal document, and stays so; its self-service copy keeps the wording and typed arguments (V233), from which
 * {@link NoticeWording} writes it in the reader's language, shown as a reading aid beside the Chinese text on 我的名单与告知
 * and on the console's entry page. A notice of before V233 (no wording) has none.
 */
@Component
public class ListNoticeReadings {

    private final Notices notices;
    private final NoticeWording wording;

    ListNoticeReadings(Notices notices, NoticeWording wording) {
        this.notices = notices;
        this.wording = wording;
    }

    /** By list notice id, the reading aids of those notices that have one in {@code locale}; none for a Chinese reader. */
    public Map<UUID, NoticeWording.Shown> of(List<ListNotice> listNotices, Locale locale) {
        if ("zh".equals(locale.getLanguage()) || listNotices.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Notice> copies = notices.byIds(listNotices.stream().map(ListNotice::selfServiceNotice)
                .filter(Objects::nonNull).toList());
        return listNotices.stream().filter(n -> copies.containsKey(n.selfServiceNotice()))
                .map(n -> Map.entry(n.id(), wording.render(copies.get(n.selfServiceNotice()), locale)))
                .filter(e -> e.getValue().translated())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
