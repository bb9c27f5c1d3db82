/**
 * Identity rules and value types of credit subjects (GB 11643, GB 32100, GB 11714; RULES.md §1), plain
 * Java. Exposed to other modules as the {@code domain} interface: collection validates rows with these
 * rules and every screen masks with {@link cn.chengxin.subject.domain.Masking}.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chengxin.subject.domain;
