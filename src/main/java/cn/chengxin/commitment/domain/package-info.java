/** The rules of credit commitments, in plain Java; its kinds and states are part of the module's API. */
@org.springframework.modulith.NamedInterface("domain")
package cn.chengxin.commitment.domain;
