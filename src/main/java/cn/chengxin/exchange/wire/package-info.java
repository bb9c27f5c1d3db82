/** The exchange format on the wire: strict JSON of batches and messages, their SM3 digest and SM2 signature. */
package cn.chengxin.exchange.wire;
