package cn.chengxin.inquiry.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import cn.chengxin.inquiry.ReportContent;
import cn.chengxin.inquiry.domain.ReportLanguage;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A report's HTML and PDF, both from the Thymeleaf template {@code reports/report.html} (well-formed XHTML, as
 * openhtmltopdf needs). Text is always inserted with {@code th:text}, so a person's statement containing markup is
 * printed as the characters typed, in the page and in the PDF; only the platform's own stylesheet goes in unescaped.
 *
 * <p>The fixed text is in the report's language ({@link ReportLanguage}, messages {@code report.*}); what the report
 * carries as recorded is printed as stored, in Chinese, in either.
 *
 * <p>Chinese text needs a font with CJK glyphs inside the PDF: Droid Sans Fallback (Apache-2.0, bundled with its
 * licence under {@code fonts/}), embedded as a subset of the glyphs used. Parsing the 4 MB font costs more than
 * rendering a report, so parsed fonts are kept in a small pool; a parsed font is not safe for two documents at
 * once, so each render takes one out and gives it back after its document is saved.
 */
@Component
public class ReportDocuments {

    private static final String FONT = "fonts/DroidSansFallbackFull.ttf";
    private static final String FAMILY = "CJK";

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final byte[] fontBytes;
    private final String css;
    private final BlockingQueue<TrueTypeFont> fonts = new ArrayBlockingQueue<>(4);

    ReportDocuments(ITemplateEngine templates, MessageSource messages) {
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new Slf4jRendererLog());
        this.templates = templates;
        this.messages = messages;
        this.fontBytes = read(FONT);
        this.css = new String(read("static/css/report.css"), StandardCharsets.UTF_8);
    }

    /** The report as a page of its own (the browser form): styles from /css/report.css. */
    public String html(ReportContent content) {
        return render(content, false);
    }

    public byte[] pdf(ReportContent content) {
        String xhtml = render(content, true);
        TrueTypeFont ttf = takeFont();
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title(content) + " " + content.number());
            info.setSubject(messages.getMessage("report.pdfSubject", null, locale(content)) + " " + content.number());
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, ttf, true)), FAMILY);
            builder.withProducer("Chengxin");
            builder.withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("report PDF not rendered", e);
        } finally {
            fonts.offer(ttf);
        }
    }

    /**
     * The fixed text comes from {@code report.*} in the messages files, in the report's language; a Chinese report
     * keeps its stored title, an English one is titled by its kind.
     */
    private String render(ReportContent content, boolean pdf) {
        Locale locale = locale(content);
        Context context = new Context(locale, Map.of("r", content, "pdf", pdf, "css", css,
                "fmt", new ReportFormat(messages, locale), "qr", QrPng.dataUri(content.verifyUrl()),
                "title", title(content), "lang", content.reportLanguage() == ReportLanguage.EN ? "en" : "zh-CN",
                "english", content.reportLanguage() == ReportLanguage.EN));
        return templates.process("reports/report", context);
    }

    private String title(ReportContent content) {
        return content.reportLanguage() == ReportLanguage.ZH ? content.title()
                : messages.getMessage("reports.kind." + content.kind().name(), null, content.title(), locale(content));
    }

    private static Locale locale(ReportContent content) {
        return content.reportLanguage().locale();
    }

    private TrueTypeFont takeFont() {
        TrueTypeFont ttf = fonts.poll();
        if (ttf != null) {
            return ttf;
        }
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(fontBytes));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled CJK font unreadable", e);
        }
    }

    private static byte[] read(String classpath) {
        try (InputStream in = new ClassPathResource(classpath).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(classpath + " missing", e);
        }
    }
}
