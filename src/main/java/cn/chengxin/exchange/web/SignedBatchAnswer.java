package cn.chengxin.exchange.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.chengxin.exchange.wire.SignedBatch;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;

/**
 * The OpenAPI answer of an operation that answers a batch signed by this platform (a pull, a fetch of relayed
 * entries): its exact bytes, binary, never Base64 text, with the headers that carry its signature (review xxxvii R1).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "a batch signed by this platform, as its exact bytes (JSON of "
        + "docs/exchange-format.md); verify Chengxin-Signature over them before parsing", content = @Content(
        mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "string", format = "binary")),
        headers = {@Header(name = SignedBatch.PLATFORM, schema = @Schema(type = "string")),
                @Header(name = SignedBatch.DIGEST, schema = @Schema(type = "string")),
                @Header(name = SignedBatch.SIGNATURE, schema = @Schema(type = "string"))})
@interface SignedBatchAnswer {
}
