/** Plain-Java rules of the joint measures: which entries a measure reaches, by the day each took effect. */
package cn.chengxin.measures.domain;
