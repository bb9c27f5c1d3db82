package cn.chengxin.ingestion.web;

import java.util.ArrayList;

import cn.chengxin.ingestion.RowError;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Enumerates a rejected row's {@code code} in the OpenAPI document ({@link RowError#CODES}; gaps review xxxvii R2:
 * row codes were described, not enumerated), so a client generated from it knows every code a batch may answer.
 */
@Component
class RowCodesInDocument implements OpenApiCustomizer {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Schema rowError = openApi.getComponents().getSchemas().get("RowError");
        if (rowError == null || rowError.getProperties() == null) {
            return;
        }
        Schema code = (Schema) rowError.getProperties().get("code");
        if (code != null) {
            code.setEnum(new ArrayList<>(RowError.CODES));
            code.setDescription("The row's problem code: see /problems/<code> for each");
        }
    }
}
