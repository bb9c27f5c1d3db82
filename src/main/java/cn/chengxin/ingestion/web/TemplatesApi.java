package cn.chengxin.ingestion.web;

import java.io.IOException;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.domain.CatalogueProblem;
import cn.chengxin.ingestion.FileSubmissions;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An item's file template for systems and vendors without a console account (gaps review xxxvii-api R4): the CSV
 * header the console gives a department's operator ({@link FileSubmissions#templateCsv}), or the same header as an XLSX
 * workbook typed as text ({@link FileSubmissions#templateXlsx}), under the version in force or another approved one
 * (the coming one, to prepare). The catalogue is public, its fields too: no key is asked.
 */
@RestController
@PublicEndpoint
@Tag(name = "catalog", description = "公共信用信息目录")
class TemplatesApi {

    private final Catalogue catalogue;

    TemplatesApi(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping(value = "/api/v1/catalog/items/{code}/template.csv", produces = "text/csv")
    @Operation(summary = "事项的报送文件模板（CSV）", description = "The header row of a file for the item, UTF-8 with a "
            + "BOM: the fixed columns by their Chinese titles, then the item's fields by their labels, under the "
            + "version in force or `version` (one in force before, or the coming one). Its JSON Schema: `schema.json` "
            + "beside it.")
    @Refuses(status = 404, value = "ITEM_NOT_FOUND")
    void template(@PathVariable String code, @RequestParam(required = false) Integer version,
                  HttpServletResponse response) throws IOException {
        CatalogueItem item = download(code, version, "text/csv; charset=UTF-8", "csv", response);
        response.getOutputStream().write(FileSubmissions.templateCsv(item.definition()));
    }

    @GetMapping(value = "/api/v1/catalog/items/{code}/template.xlsx", produces = ErrorReportDownloads.XLSX)
    @Operation(summary = "事项的报送文件模板（XLSX）", description = "The same header row as `template.csv`, as a "
            + "workbook of one sheet whose columns are formatted as text (an identity number keeps its digits), "
            + "under the version in force or `version`. Filled in, it is sent as is to `POST /api/v1/submissions/files`.")
    @Refuses(status = 404, value = "ITEM_NOT_FOUND")
    void templateXlsx(@PathVariable String code, @RequestParam(required = false) Integer version,
                      HttpServletResponse response) throws IOException {
        CatalogueItem item = download(code, version, ErrorReportDownloads.XLSX, "xlsx", response);
        // The catalogue's revalidation keeps this tag rather than one of the bytes, which differ on every download.
        response.setHeader("ETag", FileSubmissions.templateXlsxTag(item.definition()));
        response.getOutputStream().write(FileSubmissions.templateXlsx(item.definition()));
    }

    /** The version asked for, its download's type and file name set; ITEM_NOT_FOUND when it is not published. */
    private CatalogueItem download(String code, Integer version, String type, String extension,
                                   HttpServletResponse response) {
        CatalogueItem item = catalogue.published(code, version).orElseThrow(CatalogueProblem::versionNotFound);
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"template-" + item.code() + "-v"
                + item.version() + "." + extension + "\"");
        return item;
    }
}
