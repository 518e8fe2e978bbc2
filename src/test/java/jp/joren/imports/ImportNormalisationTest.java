package jp.joren.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A real 顧客台帳 goes in the way the counter would have stored it, and a bad row is told everything at once. */
@JorenIntegrationTest
class ImportNormalisationTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShopWork shopWork;

    TestShop shop;
    ImportSteps steps;

    @BeforeEach
    void anOwner() {
        shop = shops.newShop("台帳の店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        steps = new ImportSteps(owner);
    }

    @Test
    void fullWidthHiraganaJapaneseEraDatesAndDmColumnsAreStoredAsTheCounterStoresThem() {
        String job = steps.upload("CUSTOMERS", "台帳.csv", """
                会員番号,氏名,ふりがな,電話番号,メールアドレス,生年月日,DM送付,メール配信
                Ｋ－００１,山田 太郎,やまだ　たろう,０９０－１１１１－２２０２,ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ,昭和55年3月3日,可,×
                K-002,川口 花,ｶﾜｸﾞﾁ ﾊﾅ,090-1111-2203,,S55.3.3,不可,○
                K-003,森 一,もり はじめ,090-1111-2204,,平成元年1月8日,○,はい
                K-004,林 令,はやし れい,090-1111-2205,,R2/5/1,×,いいえ
                """.getBytes(Charset.forName("windows-31j")));

        WebSession.Page report = steps.check(job);

        assertThat(report.document().select("#report-summary").text()).isEqualTo("4行のうち、取り込める行 4、問題のある行 0");
        assertThat(steps.run(job, Map.of())).contains("新規 4件");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        select concat_ws(' | ', code, name_kana, phone, email, birthday) from customer order by code
                        """).query(String.class).list())).containsExactly(
                "K-001 | ヤマダ タロウ | 090-1111-2202 | taro@example.jp | 1980-03-03",
                "K-002 | カワグチ ハナ | 090-1111-2203 | 1980-03-03",
                "K-003 | モリ ハジメ | 090-1111-2204 | 1989-01-08",
                "K-004 | ハヤシ レイ | 090-1111-2205 | 2020-05-01");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        select string_agg(c.code || ':' || k.channel || '=' || k.granted, ' ' order by c.code, k.channel)
                          from consent k join customer c on c.tenant_id = k.tenant_id and c.id = k.customer_id
                        """).query(String.class).single())).isEqualTo(
                "K-001:EMAIL=false K-001:POSTAL=true K-002:EMAIL=true K-002:POSTAL=false K-003:EMAIL=true "
                        + "K-003:POSTAL=true K-004:EMAIL=false K-004:POSTAL=false");
    }

    @Test
    void aLedgerWithOneAddressColumnIsSplitIntoPrefectureCityAndTownAndNothingIsLost() {
        String job = steps.upload("CUSTOMERS", "住所録.csv", """
                氏名,住所
                青木 浩,東京都世田谷区太子堂三丁目1-2 ハイツ太子堂101
                京 花子,京都府京都市中京区烏丸通三条上る場之町599
                横浜 一郎,神奈川県横浜市港北区新横浜２－５－１０
                札幌 雪,北海道札幌市中央区北一条西2丁目
                不明 太郎,東京都どこかの町1-2
                """.getBytes(Charset.forName("windows-31j")));

        WebSession.Page check = steps.check(job);
        assertThat(check.document().select("#report-summary").text()).isEqualTo("5行のうち、取り込める行 5、問題のある行 0");
        // the one address Japan Post's names do not explain is imported all the same, and the owner is told
        assertThat(check.document().select("li.warning").eachText()).containsExactly(
                "1件 の住所は都道府県・市区町村・町名に分けられませんでした。分からない部分は番地・建物にそのまま入れます（町名の絞り込みと商圏には入りません。お客さまの画面で直せます）。");
        assertThat(steps.run(job, Map.of())).contains("新規 5件");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        select concat_ws(' | ', name, prefecture, city, town, address_line) from customer order by id
                        """).query(String.class).list())).containsExactly(
                "青木 浩 | 東京都 | 世田谷区 | 太子堂三丁目 | 1-2 ハイツ太子堂101",
                "京 花子 | 京都府 | 京都市中京区 | 場之町 | 烏丸通三条上る 599",
                "横浜 一郎 | 神奈川県 | 横浜市港北区 | 新横浜 | 2-5-10",
                "札幌 雪 | 北海道 | 札幌市中央区 | 北一条西2丁目",
                // not explained by Japan Post's names: the prefecture taken, the rest kept whole
                "不明 太郎 | 東京都 | どこかの町1-2");
    }

    @Test
    void everyProblemOfARowIsReportedAtOnce() {
        String job = steps.upload("CUSTOMERS", "bad.csv", """
                氏名,フリガナ,電話番号,メールアドレス,誕生日,DM送付
                青山 一郎,アオヤマ イチロウ,090-1000-0001,ichiro@example.jp,1970/4/1,可
                石川 二葉,Ishikawa,090-1000-0001,not-an-email,昭和70年1月1日,たぶん
                """.getBytes(StandardCharsets.UTF_8));

        WebSession.Page report = steps.check(job);

        List<String> problems = report.document().select("tr.problem").eachText();
        assertThat(problems).hasSize(5).allMatch(p -> p.startsWith("3 "));
        assertThat(String.join("\n", problems)).contains("誕生日").contains("メールアドレス").contains("フリガナ")
                .contains("2行目と同じ").contains("たぶん");
    }
}
