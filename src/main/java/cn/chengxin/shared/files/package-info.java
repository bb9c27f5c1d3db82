/**
 * Files people upload as evidence (objections, repair applications): what is accepted, checked by content; and the
 * cells of the spreadsheet files the platform hands out, which must never run a formula.
 */
package cn.chengxin.shared.files;
