package cn.chengxin.listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Pages;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.Pages.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxv P6 (session xxxvi): the public lists are paged by key, from the entry a page ended with, so a list
 * read page by page shows each entry once, none lost, whatever arrives meanwhile; the pages link by entry, never by a
 * page number, and a list is counted only up to {@link Listing#COUNTED_UP_TO}.
 */
@IntegrationTest
class PublicListPagingIT {

    private static final String NAME = "骆翻页";

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aListReadPageByPageShowsEachEntryOnceWhateverArrivesBetweenPages() throws Exception {
        UUID first = registered();
        UUID second = registered();
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            made.add(inPublicNotice(first, "市级道德模范（第 " + i + " 届）"));
            made.add(inPublicNotice(second, "优秀志愿者（第 " + i + " 届）"));
        }
        // In force on three days, many on the same one: the entry's id orders those.
        jdbc.sql("""
                UPDATE listing.entry SET status = 'EFFECTIVE',
                       effective_from = date_trunc('day', now()) - (abs(hashtext(id::text)) % 3) * interval '1 day'
                WHERE subject_id IN (?, ?)""").params(first, second).update();

        Listing.PublicPage one = listing.published(ListType.RED, false, NAME, null, null, null, 20);
        assertThat(one.entries()).hasSize(20);
        assertThat(one.total()).isEqualTo(44);
        assertThat(one.more()).isFalse();
        assertThat(one.previous()).as("the first page").isNull();
        Listing.PublicPage two = listing.published(ListType.RED, false, NAME, null, one.next(), null, 20);

        // A new entry arrives between the pages: the newest, it belongs to the first page, and moves nothing after.
        UUID arrived = inPublicNotice(first, "诚信之星");
        jdbc.sql("UPDATE listing.entry SET status = 'EFFECTIVE', effective_from = now() WHERE id = ?").param(arrived)
                .update();
        Listing.PublicPage three = listing.published(ListType.RED, false, NAME, null, two.next(), null, 20);

        assertThat(two.entries()).hasSize(20);
        assertThat(three.entries()).hasSize(4);
        assertThat(three.next()).as("the last page").isNull();
        List<UUID> read = new ArrayList<>();
        List.of(one, two, three).forEach(p -> p.entries().forEach(e -> read.add(e.id())));
        assertThat(new HashSet<>(read)).as("none shown twice").hasSize(44);
        assertThat(read).as("none lost, none arrived").containsExactlyInAnyOrderElementsOf(made);
        List<UUID> whole = listing.published(ListType.RED, false, NAME, null, null, null, 100).entries().stream()
                .map(ListEntry::id).toList();
        assertThat(whole).first().isEqualTo(arrived);
        assertThat(read).as("in the list's order").containsExactlyElementsOf(whole.subList(1, 45));

        // Back from the second page: the first page as it was, and now a page before it, with the new entry.
        Listing.PublicPage back = listing.published(ListType.RED, false, NAME, null, null, two.previous(), 20);
        assertThat(back.entries()).extracting(ListEntry::id)
                .containsExactlyElementsOf(one.entries().stream().map(ListEntry::id).toList());
        assertThat(back.previous()).isNotNull();
        assertThat(listing.published(ListType.RED, false, NAME, null, null, back.previous(), 20).entries())
                .extracting(ListEntry::id).containsExactly(arrived);

        // The page links by entry, never by page number, and its links lead on.
        String page = mvc.perform(get("/lists").param("type", "RED").param("q", NAME).with(from("198.51.100.91")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("共 45 条", "after=").doesNotContain("page=", "before=");
        String next = Pages.links(page).stream().filter(l -> l.contains("after=")).findFirst().orElseThrow()
                .replace("&amp;", "&");
        assertThat(mvc.perform(get(java.net.URI.create(next)).with(from("198.51.100.91"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("before=", "after=", "第一页");
    }

    private UUID inPublicNotice(UUID subject, String reasons) throws Exception {
        UUID entry = as("maker-q", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", reasons,
                java.time.LocalDate.now().minusMonths(1), java.time.LocalDate.now().plusYears(1)));
        assertThat(as("checker-q", () -> listing.approve(entry, ""))).isEqualTo(EntryStatus.PUBLIC_NOTICE);
        return entry;
    }

    private UUID registered() {
        TestCitizens.Person person = TestCitizens.register(subjects, NAME);
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }
}
