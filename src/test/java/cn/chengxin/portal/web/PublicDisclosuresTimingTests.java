package cn.chengxin.portal.web;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.shared.ratelimit.LimitCounters;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A look-up by identity number on 失信信息公示 does the same work whether or not the number is registered (RULES.md
 * §10): a registered person without published records and a stranger get the same page, and the same reading time.
 */
class PublicDisclosuresTimingTests {

    private static final String REGISTERED = "11010519491231002X";
    private static final String STRANGER = "110105194912310037";

    private final CreditFile creditFile = mock(CreditFile.class);
    private final SubjectRegistry subjects = mock(SubjectRegistry.class);
    private final PublicDisclosures disclosures = new PublicDisclosures(creditFile, mock(RecordProceedings.class),
            mock(Catalogue.class), subjects, mock(StaffDirectory.class), Clock.systemUTC(), LimitCounters.inMemory(),
            1_000);

    @Test
    void aNumberNobodyIsRegisteredUnderReadsAFileAsARegisteredOneDoes() {
        IdentityDocument registered = mock(IdentityDocument.class);
        IdentityDocument stranger = mock(IdentityDocument.class);
        when(subjects.validate(isNull(), eq(REGISTERED))).thenReturn(registered);
        when(subjects.validate(isNull(), eq(STRANGER))).thenReturn(stranger);
        when(subjects.find(registered)).thenReturn(Optional.of(UUID.randomUUID()));
        when(subjects.find(stranger)).thenReturn(Optional.empty());

        disclosures.search(REGISTERED, null, new MockHttpServletRequest(), new ExtendedModelMap());
        disclosures.search(STRANGER, null, new MockHttpServletRequest(), new ExtendedModelMap());

        verify(creditFile, times(2)).fileAsShown(any());
    }
}
