package jp.joren.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Common Japanese family and given names (kanji, katakana reading, romaji for email addresses). */
final class JapaneseNames {

    record Name(String kanji, String kana, String romaji) {
    }

    /** Roughly in order of frequency, so {@link Draw#skewed} makes 佐藤 and 鈴木 the most common. */
    private static final Name[] FAMILY = parse("""
            佐藤 サトウ sato, 鈴木 スズキ suzuki, 高橋 タカハシ takahashi, 田中 タナカ tanaka, 伊藤 イトウ ito,
            渡辺 ワタナベ watanabe, 山本 ヤマモト yamamoto, 中村 ナカムラ nakamura, 小林 コバヤシ kobayashi,
            加藤 カトウ kato, 吉田 ヨシダ yoshida, 山田 ヤマダ yamada, 佐々木 ササキ sasaki, 山口 ヤマグチ yamaguchi,
            松本 マツモト matsumoto, 井上 イノウエ inoue, 木村 キムラ kimura, 林 ハヤシ hayashi, 斎藤 サイトウ saito,
            清水 シミズ shimizu, 山崎 ヤマザキ yamazaki, 森 モリ mori, 池田 イケダ ikeda, 橋本 ハシモト hashimoto,
            阿部 アベ abe, 石川 イシカワ ishikawa, 山下 ヤマシタ yamashita, 中島 ナカジマ nakajima, 石井 イシイ ishii,
            小川 オガワ ogawa, 前田 マエダ maeda, 岡田 オカダ okada, 長谷川 ハセガワ hasegawa, 藤田 フジタ fujita,
            後藤 ゴトウ goto, 近藤 コンドウ kondo, 村上 ムラカミ murakami, 遠藤 エンドウ endo, 青木 アオキ aoki,
            坂本 サカモト sakamoto, 斉藤 サイトウ saito, 福田 フクダ fukuda, 太田 オオタ ota, 西村 ニシムラ nishimura,
            藤井 フジイ fujii, 金子 カネコ kaneko, 岡本 オカモト okamoto, 藤原 フジワラ fujiwara, 中野 ナカノ nakano,
            三浦 ミウラ miura, 原田 ハラダ harada, 中川 ナカガワ nakagawa, 松田 マツダ matsuda, 竹内 タケウチ takeuchi,
            小野 オノ ono, 田村 タムラ tamura, 中山 ナカヤマ nakayama, 和田 ワダ wada, 石田 イシダ ishida,
            森田 モリタ morita, 上田 ウエダ ueda, 原 ハラ hara, 柴田 シバタ shibata, 酒井 サカイ sakai, 工藤 クドウ kudo,
            横山 ヨコヤマ yokoyama, 宮崎 ミヤザキ miyazaki, 宮本 ミヤモト miyamoto, 内田 ウチダ uchida,
            高木 タカギ takagi, 安藤 アンドウ ando, 谷口 タニグチ taniguchi, 大野 オオノ ohno, 丸山 マルヤマ maruyama,
            今井 イマイ imai, 河野 コウノ kono, 藤本 フジモト fujimoto, 村田 ムラタ murata, 武田 タケダ takeda,
            上野 ウエノ ueno, 杉山 スギヤマ sugiyama, 増田 マスダ masuda, 平野 ヒラノ hirano, 大塚 オオツカ otsuka,
            千葉 チバ chiba, 久保 クボ kubo, 松井 マツイ matsui, 小島 コジマ kojima, 岩崎 イワサキ iwasaki,
            桜井 サクライ sakurai, 野口 ノグチ noguchi, 松尾 マツオ matsuo, 野村 ノムラ nomura, 木下 キノシタ kinoshita,
            菊地 キクチ kikuchi, 佐野 サノ sano, 大西 オオニシ onishi, 杉本 スギモト sugimoto, 新井 アライ arai""");

    private static final Name[] FEMALE = parse("""
            花子 ハナコ hanako, 陽子 ヨウコ yoko, 恵子 ケイコ keiko, 由美子 ユミコ yumiko, 久美子 クミコ kumiko,
            裕子 ユウコ yuko, 直美 ナオミ naomi, 真由美 マユミ mayumi, 美穂 ミホ miho, 愛 アイ ai, 彩 アヤ aya,
            美咲 ミサキ misaki, さくら サクラ sakura, 陽菜 ヒナ hina, 結衣 ユイ yui, 葵 アオイ aoi, 明美 アケミ akemi,
            幸子 サチコ sachiko, 和子 カズコ kazuko, 智子 トモコ tomoko, 香織 カオリ kaori, 麻衣 マイ mai,
            千尋 チヒロ chihiro, 沙織 サオリ saori, 理恵 リエ rie, 典子 ノリコ noriko, 京子 キョウコ kyoko,
            節子 セツコ setsuko, 美香 ミカ mika, 奈々 ナナ nana, 真理子 マリコ mariko, 文子 フミコ fumiko,
            優子 ユウコ yuko, 亜希子 アキコ akiko, 早苗 サナエ sanae, 礼子 レイコ reiko, 美紀 ミキ miki""");

    private static final Name[] MALE = parse("""
            太郎 タロウ taro, 健一 ケンイチ kenichi, 誠 マコト makoto, 浩 ヒロシ hiroshi, 隆 タカシ takashi,
            大輔 ダイスケ daisuke, 翔太 ショウタ shota, 拓也 タクヤ takuya, 健太 ケンタ kenta, 直樹 ナオキ naoki,
            和也 カズヤ kazuya, 修 オサム osamu, 茂 シゲル shigeru, 勇 イサム isamu, 哲也 テツヤ tetsuya,
            剛 ツヨシ tsuyoshi, 聡 サトシ satoshi, 亮 リョウ ryo, 蓮 レン ren, 悠真 ユウマ yuma, 大翔 ヒロト hiroto,
            陽斗 ハルト haruto, 博之 ヒロユキ hiroyuki, 雅人 マサト masato, 正樹 マサキ masaki, 秀樹 ヒデキ hideki,
            達也 タツヤ tatsuya, 康介 コウスケ kosuke, 俊介 シュンスケ shunsuke, 一郎 イチロウ ichiro""");

    /** Kitchenware customers are mostly women. */
    private static final double FEMALE_SHARE = 0.7;

    private JapaneseNames() {
    }

    static Name family(SplittableRandom random) {
        return FAMILY[Draw.skewed(random, FAMILY.length)];
    }

    static Name given(SplittableRandom random) {
        Name[] names = Draw.chance(random, FEMALE_SHARE) ? FEMALE : MALE;
        return names[random.nextInt(names.length)];
    }

    private static Name[] parse(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .map(entry -> entry.split(" "))
                .map(parts -> new Name(parts[0], parts[1], parts[2]))
                .toArray(Name[]::new);
    }
}
