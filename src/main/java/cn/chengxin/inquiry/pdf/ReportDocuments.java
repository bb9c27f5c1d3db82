package cn.chengxin.inquiry.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import cn.chengxin.inquiry.ReportContent;
import cn.chengxin.inquiry.domain.ReportLanguage;
import cn.chengxin.shared.City;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;
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
 *
 * <p>Gaps review xxxv O3 (PDF/UA, ISO 14289-1; WCAG's PDF techniques): on request, {@link #taggedPdf} renders the same
 * report as a tagged PDF — a structure tree in reading order, tables with their header cells, the QR code's alt as its
 * alternative, {@code /Lang} and the title shown in the viewer's title bar — for a screen reader. It is not the
 * default ({@link #pdf}, the one issued, stored and digested): tagging cost a quarter of the reports' throughput
 * (bench/reports.sh 28.1/s against issue #8's 30/s), so the default path does none of it. The tagged form is rendered
 * from the stored snapshot whenever asked and is the same bytes each time (its dates are the report's, its document
 * id derived from them), so one SM3 digest verifies it ({@link cn.chengxin.inquiry.Reports#tagged}).
 *
 * <p>Gaps review xxxv O3 (rest): {@link #largePrintPdf} is the tagged form in large print (大字版) — {@code
 * report-large-print.css} over report.css: 14 pt text, nothing below 12 pt, A4 landscape, the tables' header cells
 * scoped — for a reader with low vision or an old person who prints it; rendered on request as the tagged form is,
 * the same bytes each time ({@link cn.chengxin.inquiry.Reports#largePrint}).
 */
@Component
public class ReportDocuments {

    private static final String FONT = "fonts/DroidSansFallbackFull.ttf";
    private static final String FAMILY = "CJK";
    /**
     * Latin letters and digits, which the CJK font lacks: a tagged PDF (PDF/UA) embeds every font, so the PDF's
     * built-in Helvetica the default form draws them with is not there. Liberation Sans (SIL OFL 1.1, metrically
     * Arial's and so Helvetica's widths) is the one PDFBox itself ships. Read and parsed for the tagged form only.
     */
    private static final String LATIN_FONT = "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String LATIN_FAMILY = "Latin";
    private static final TimeZone CHINA = TimeZone.getTimeZone("Asia/Shanghai");

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final byte[] fontBytes;
    private final String css;
    private final String largePrintCss;
    private final City city;
    private final BlockingQueue<TrueTypeFont> fonts = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<TrueTypeFont> latinFonts = new ArrayBlockingQueue<>(2);
    private volatile byte[] latinBytes;

    ReportDocuments(ITemplateEngine templates, MessageSource messages, City city) {
        this.city = city;
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new Slf4jRendererLog());
        this.templates = templates;
        this.messages = messages;
        this.fontBytes = read(FONT);
        this.css = new String(read("static/css/report.css"), StandardCharsets.UTF_8);
        this.largePrintCss = new String(read("static/css/report-large-print.css"), StandardCharsets.UTF_8);
    }

    /** The report as a page of its own (the browser form): styles from /css/report.css. */
    public String html(ReportContent content) {
        return render(content, false);
    }

    /** The report's PDF as issued, stored and digested: untagged. */
    public byte[] pdf(ReportContent content) {
        return pdf(content, false);
    }

    /**
     * The same report as a tagged PDF (PDF/UA) for a screen reader: its structure tree, {@code /Lang} zh-CN (en for
     * an English report), {@code DisplayDocTitle}; rendered on request, the same bytes for the same snapshot.
     */
    public byte[] taggedPdf(ReportContent content) {
        return pdf(content, true, false);
    }

    /** The tagged form in large print: rendered on request, the same bytes for the same snapshot. */
    public byte[] largePrintPdf(ReportContent content) {
        return pdf(content, true, true);
    }

    private byte[] pdf(ReportContent content, boolean tagged) {
        return pdf(content, tagged, false);
    }

    private byte[] pdf(ReportContent content, boolean tagged, boolean largePrint) {
        return print(render(content, true, tagged, largePrint), title(content) + " " + content.number(),
                messages.getMessage("report.pdfSubject", null, locale(content)) + " " + content.number(),
                tagged ? document -> tag(document, content) : null);
    }

    /**
     * Another page of the platform's, in well-formed XHTML, printed as an untagged PDF with the reports' CJK font
     * (family {@code CJK} in its styles) and their renderer: the person's copy of their information (portal), which
     * is no report and is stored nowhere.
     */
    public byte[] print(String xhtml, String title, String subject) {
        return print(xhtml, title, subject, null);
    }

    /** What a tagged report's PDF gets after its layout ({@link #tag}). */
    private interface Tagging {
        void apply(PDDocument document) throws IOException;
    }

    /** {@code tagging} null: untagged, drawn with the CJK font alone. */
    private byte[] print(String xhtml, String title, String subject, Tagging tagging) {
        boolean tagged = tagging != null;
        TrueTypeFont ttf = takeFont(fonts, fontBytes);
        TrueTypeFont latin = tagged ? takeFont(latinFonts, latinBytes()) : null;
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setSubject(subject);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, ttf, true)), FAMILY);
            builder.withProducer("Chengxin");
            if (tagged) {
                builder.useFont(new PDFontSupplier(PDType0Font.load(document, latin, true)), LATIN_FAMILY);
                builder.usePdfUaAccessibility(true);
            }
            builder.withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            if (tagged) {
                tagging.apply(document);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF not rendered: " + title, e);
        } finally {
            fonts.offer(ttf);
            if (latin != null) {
                latinFonts.offer(latin);
            }
        }
    }

    /**
     * What the renderer leaves to the caller for PDF/UA: the language a reader's voice must take (the html's lang) and
     * the title shown in the title bar; and what makes the tagged form the same bytes each time it is rendered: its
     * dates (document information and XMP, which the renderer sets to the time of rendering) are the report's
     * generation time, and the trailer's document id is derived from that time and the information instead of now.
     */
    private void tag(PDDocument document, ReportContent content) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(language(content));
        PDViewerPreferences preferences = catalog.getViewerPreferences() != null ? catalog.getViewerPreferences()
                : new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        Calendar generated = new GregorianCalendar(CHINA, Locale.ROOT);
        generated.setTimeInMillis(content.generatedAt().toEpochMilli());
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title(content) + " " + content.number());
        info.setSubject(messages.getMessage("report.pdfSubject", null, locale(content)) + " " + content.number());
        info.setCreationDate(generated);
        PDMetadata metadata = catalog.getMetadata();
        if (metadata != null) {
            try (InputStream in = metadata.exportXMPMetadata()) {
                XMPMetadata xmp = new DomXmpParser().parse(in.readAllBytes());
                XMPBasicSchema basic = xmp.getXMPBasicSchema();
                if (basic != null) {
                    basic.setCreateDate(generated);
                    if (basic.getModifyDate() != null) {
                        basic.setModifyDate(generated);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new XmpSerializer().serialize(xmp, out, true);
                metadata.importXMPMetadata(out.toByteArray());
            } catch (XmpParsingException | javax.xml.transform.TransformerException e) {
                throw new IOException("tagged report's XMP metadata unreadable", e);
            }
        }
        document.setDocumentId(content.generatedAt().toEpochMilli());
    }

    /**
     * The fixed text comes from {@code report.*} in the messages files, in the report's language; a Chinese report
     * keeps its stored title, an English one is titled by its kind.
     */
    private String render(ReportContent content, boolean pdf) {
        return render(content, pdf, false, false);
    }

    /**
     * {@code tagged}: the tagged PDF's, which draws Latin letters with the embedded {@link #LATIN_FAMILY};
     * {@code largePrint}: with {@link #largePrintCss} over the report's styles.
     */
    private String render(ReportContent content, boolean pdf, boolean tagged, boolean largePrint) {
        Locale locale = locale(content);
        Context context = new Context(locale, Map.of("r", content, "pdf", pdf, "css", css,
                "fmt", new ReportFormat(messages, locale, !pdf, city), "qr", QrPng.dataUri(content.verifyUrl()),
                "title", title(content), "lang", language(content),
                "english", content.reportLanguage() == ReportLanguage.EN, "tagged", tagged));
        if (largePrint) {
            context.setVariable("largePrintCss", largePrintCss);
        }
        return templates.process("reports/report", context);
    }

    private String title(ReportContent content) {
        return content.reportLanguage() == ReportLanguage.ZH ? content.title()
                : messages.getMessage("reports.kind." + content.kind().name(), null, content.title(), locale(content));
    }

    /** The report's language as a BCP 47 tag: the html's {@code lang} and the tagged PDF's {@code /Lang}. */
    private static String language(ReportContent content) {
        return content.reportLanguage() == ReportLanguage.EN ? "en" : "zh-CN";
    }

    private static Locale locale(ReportContent content) {
        return content.reportLanguage().locale();
    }

    private static TrueTypeFont takeFont(BlockingQueue<TrueTypeFont> pool, byte[] bytes) {
        TrueTypeFont ttf = pool.poll();
        if (ttf != null) {
            return ttf;
        }
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled font unreadable", e);
        }
    }

    /** Read at the first tagged render: the default form never needs it. */
    private byte[] latinBytes() {
        byte[] bytes = latinBytes;
        if (bytes == null) {
            bytes = read(LATIN_FONT);
            latinBytes = bytes;
        }
        return bytes;
    }

    private static byte[] read(String classpath) {
        try (InputStream in = new ClassPathResource(classpath).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(classpath + " missing", e);
        }
    }
}
