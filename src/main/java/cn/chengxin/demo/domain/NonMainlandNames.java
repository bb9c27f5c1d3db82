package cn.chengxin.demo.domain;

import java.util.SplittableRandom;

/**
 * Made-up names of persons from outside the mainland, as the city's departments write them: Korean, Japanese and
 * Vietnamese names in Chinese characters, Western and Pakistani names transliterated with a middle dot (约翰·史密斯),
 * Hong Kong, Macao and Taiwan names in the forms common there. None is taken from a real person.
 */
final class NonMainlandNames {

    /** One place's names: surnames, then given names that lean male and female; {@code dotted}: given·surname. */
    record Pool(String[] surnames, String[] male, String[] female, boolean dotted) {

        String name(SplittableRandom random, boolean male) {
            String given = pick(random, male ? this.male : female);
            String surname = pick(random, surnames);
            return dotted ? given + "·" + surname : surname + given;
        }
    }

    static final Pool KOREAN = new Pool(words("金 李 朴 崔 郑 姜 赵 尹 张 林"),
            words("敏俊 智浩 贤宇 承民 俊昊 东旭 在贤 成民"), words("秀妍 瑞妍 恩惠 知恩 敏智 惠珍 多贤 素英"), false);
    static final Pool JAPANESE = new Pool(words("佐藤 铃木 高桥 田中 渡边 伊藤 山本 中村 小林 加藤"),
            words("健太 翔太 大辅 拓也 直树 和也 浩二 诚"), words("美咲 由美 阳菜 彩花 真由美 惠子 直美 优子"), false);
    static final Pool VIETNAMESE = new Pool(words("阮 陈 黎 范 黄 潘 武"),
            words("文雄 明俊 文强 德明 春长 国宝"), words("氏兰 氏香 氏梅 氏玉 氏秋 氏草"), false);
    static final Pool AMERICAN = new Pool(words("史密斯 约翰逊 威廉斯 布朗 琼斯 戴维斯 米勒 威尔逊 泰勒 安德森"),
            words("约翰 迈克尔 大卫 詹姆斯 罗伯特 丹尼尔 马修 克里斯托弗"),
            words("艾米丽 杰西卡 莎拉 艾米 劳拉 伊丽莎白 凯瑟琳 汉娜"), true);
    static final Pool GERMAN = new Pool(words("穆勒 施密特 施耐德 菲舍尔 韦伯 迈耶 瓦格纳 贝克尔 霍夫曼"),
            words("托马斯 卢卡斯 斯特凡 安德烈亚斯 马蒂亚斯 扬 菲利普"),
            words("安娜 莉娜 汉娜 卡特琳 莎宾娜 朱莉娅 克劳迪娅"), true);
    static final Pool PAKISTANI = new Pool(words("汗 阿里 侯赛因 艾哈迈德 谢赫 拉希德 马利克"),
            words("穆罕默德 阿卜杜拉 伊姆兰 乌斯曼 法赫德 比拉勒"), words("法蒂玛 艾莎 扎伊纳布 萨娜 希娜 玛丽亚姆"), true);
    static final Pool HONG_KONG_MACAO = new Pool(words("陈 黄 李 张 梁 何 林 吴 郭 罗 麦 区"),
            words("家豪 志明 俊杰 伟文 国荣 嘉伟 子健 永康 浩然 振邦"),
            words("嘉欣 咏诗 颖琳 慧敏 凯琪 丽华 美玲 宝仪 晓彤 家怡"), false);
    static final Pool TAIWANESE = new Pool(words("陈 林 黄 张 李 王 吴 刘 蔡 杨 许 郑 谢 洪"),
            words("家豪 冠宇 宗翰 承恩 志明 俊宏 建宏 柏翰 彦廷 信宏"),
            words("怡君 雅婷 淑芬 欣怡 佳蓉 诗涵 雅雯 郁婷 宜蓁 佩珊"), false);

    private NonMainlandNames() {
    }

    private static String[] words(String spaced) {
        return spaced.split(" ");
    }

    private static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
