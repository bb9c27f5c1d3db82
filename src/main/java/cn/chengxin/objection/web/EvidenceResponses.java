package cn.chengxin.objection.web;

import cn.chengxin.objection.Objections;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.web.FileTransfers;
import org.springframework.http.ResponseEntity;

/** An objection's evidence file as an HTTP answer ({@link FileTransfers#download}: always a download, no sniffing). */
final class EvidenceResponses {

    private EvidenceResponses() {
    }

    static ResponseEntity<byte[]> download(Objections.EvidenceDownload download) {
        // Named as on screens: a name kept before names were masked on upload is masked here (RULES.md §10).
        return FileTransfers.download(download.file().contentType(),
                IdentityRedaction.redact(download.file().filename()), download.content());
    }
}
