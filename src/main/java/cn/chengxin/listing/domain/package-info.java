/** Plain-Java listing rules: which record proposes which list, when an entry takes effect and ends, notices. */
package cn.chengxin.listing.domain;
