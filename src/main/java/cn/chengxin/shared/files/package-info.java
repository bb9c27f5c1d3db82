/** Files people upload as evidence (objections, repair applications): what is accepted, checked by content. */
package cn.chengxin.shared.files;
