/** The exchange's rules in plain Java: levels and relations of platforms, the message, admission of a batch, backoff. */
package cn.chengxin.exchange.domain;
