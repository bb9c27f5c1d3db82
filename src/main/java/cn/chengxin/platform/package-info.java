/**
 * The platform shell: embedded or external database, security filter chains, error responses (RFC 9457
 * problem+json with a stable {@code code}), locale and the model every page layout needs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "demo"})
package cn.chengxin.platform;
