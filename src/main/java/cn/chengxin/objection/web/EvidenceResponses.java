package cn.chengxin.objection.web;

import java.nio.charset.StandardCharsets;

import cn.chengxin.objection.Objections;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An evidence file as an HTTP answer: always a download (never rendered by the browser, whatever it contains) of the
 * type its content was checked as, with sniffing off.
 */
final class EvidenceResponses {

    private EvidenceResponses() {
    }

    static ResponseEntity<byte[]> download(Objections.EvidenceDownload download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.file().contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(download.file().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }
}
