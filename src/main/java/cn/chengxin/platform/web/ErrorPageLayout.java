package cn.chengxin.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the error page needs of the layout when {@link ErrorHandling} renders it outside a handler's success, where no
 * interceptor adds it (gaps review xlv Z8: the masthead and 关怀模式 as on the page it was met on).
 */
@FunctionalInterface
interface ErrorPageLayout {

    void fill(HttpServletRequest request, Map<String, Object> model);
}
