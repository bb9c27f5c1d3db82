package cn.chengxin.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.files.Attachments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files in and out over HTTP, the same way for every module (objections, repair applications). */
public final class FileTransfers {

    private FileTransfers() {
    }

    /** A file as the browser sent it; at most one byte over {@link Attachments#MAX_BYTES}. */
    public record Uploaded(String filename, byte[] content) {
    }

    /**
     * The chosen files of a multipart field, skipping the empty part a browser sends when none was chosen. One byte
     * over the limit is read at most: enough to refuse a large file without ever holding it whole.
     */
    public static List<Uploaded> read(List<MultipartFile> parts) throws IOException {
        List<Uploaded> files = new ArrayList<>();
        for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
            if (part.isEmpty()) {
                continue;
            }
            try (InputStream in = part.getInputStream()) {
                files.add(new Uploaded(part.getOriginalFilename() == null ? "附件" : part.getOriginalFilename(),
                        in.readNBytes(Attachments.MAX_BYTES + 1)));
            }
        }
        return files;
    }

    /**
     * A stored file as an answer: always a download (never rendered by the browser, whatever it contains) of the type
     * its content was checked as, with sniffing off.
     */
    public static ResponseEntity<byte[]> download(String contentType, String filename, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
