package cn.chengxin.demo.domain;

import java.util.SplittableRandom;

/**
 * Synthetic Chinese names: surnames drawn by their approximate frequency in the population (the most common
 * hundred cover about 85% of people), given names of one or two characters from pools that lean male or
 * female as real given names do. Every name is made up; none is taken from a real person.
 */
final class ChineseNames {

    /** Surnames with rough relative frequencies (per mille of the population). */
    private static final String[] SURNAMES = {
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
            "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田",
            "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚",
            "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白",
            "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺",
            "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "欧阳", "司马"};
    private static final int[] SURNAME_WEIGHTS = {
            73, 72, 70, 54, 45, 31, 23, 23, 21, 17, 15, 15, 13, 12, 12, 11, 10, 10, 10, 9, 8, 8, 7, 7, 7, 7, 6, 6,
            6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
            3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
            2, 2, 2, 1, 1};

    private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志文博"
            + "晨昊天宏峰坤毅然子豪思源嘉翔瑞航睿哲轩铭晟泽楷恒锐诚振兴德海";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琳雪慧颖婷倩琪晶莉佳欣怡悦洁蓉"
            + "薇媛露月瑶琦雨涵梓萱诗语若汐可馨一诺思彤晓丹凤春";

    private static final int TOTAL_WEIGHT;

    static {
        int total = 0;
        for (int w : SURNAME_WEIGHTS) {
            total += w;
        }
        TOTAL_WEIGHT = total;
        if (SURNAMES.length != SURNAME_WEIGHTS.length) {
            throw new ExceptionInInitializerError("surname weights out of step with surnames");
        }
    }

    private ChineseNames() {
    }

    static String personName(SplittableRandom random, boolean male) {
        String pool = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder(surname(random));
        name.append(pool.charAt(random.nextInt(pool.length())));
        if (random.nextInt(100) < 72) {
            name.append(pool.charAt(random.nextInt(pool.length())));
        }
        return name.toString();
    }

    private static String surname(SplittableRandom random) {
        int pick = random.nextInt(TOTAL_WEIGHT);
        for (int i = 0; i < SURNAMES.length; i++) {
            pick -= SURNAME_WEIGHTS[i];
            if (pick < 0) {
                return SURNAMES[i];
            }
        }
        return SURNAMES[0];
    }
}
