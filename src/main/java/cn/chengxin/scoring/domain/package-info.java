/** Plain-Java credit scoring (RULES.md §8): score models as reviewed data, the calculation and its explanation. */
package cn.chengxin.scoring.domain;
