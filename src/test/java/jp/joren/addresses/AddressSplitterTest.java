package jp.joren.addresses;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A ledger's single 住所 column, split the way the trade-area tiers and the town filter need it. */
class AddressSplitterTest {

    private static final AddressSplitter SPLITTER = new AddressSplitter(new PostalCodes());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            東京都世田谷区太子堂三丁目1-2 ハイツ太子堂101         | 東京都   | 世田谷区         | 太子堂三丁目   | 1-2 ハイツ太子堂101
            東京都世田谷区太子堂３－１－２                      | 東京都   | 世田谷区         | 太子堂         | 3-1-2
            〒154-0004 東京都世田谷区太子堂1-1                  | 東京都   | 世田谷区         | 太子堂         | 1-1
            世田谷区太子堂4-1-1                                 | 東京都   | 世田谷区         | 太子堂         | 4-1-1
            神奈川県横浜市港北区新横浜2-5-10 新横浜ビル3F       | 神奈川県 | 横浜市港北区     | 新横浜         | 2-5-10 新横浜ビル3F
            京都府京都市中京区烏丸通三条上る場之町599           | 京都府   | 京都市中京区     | 場之町         | 烏丸通三条上る 599
            京都府京都市下京区四条通烏丸東入長刀鉾町20         | 京都府   | 京都市下京区     | 長刀鉾町       | 四条通烏丸東入 20
            大阪府大阪市北区梅田3丁目1-1                       | 大阪府   | 大阪市北区       | 梅田3丁目      | 1-1
            北海道札幌市中央区北一条西2丁目                    | 北海道   | 札幌市中央区     | 北一条西2丁目  | ''
            北海道石狩郡当別町ビトエ123                         | 北海道   | 石狩郡当別町     | ビトエ         | 123
            北海道当別町ビトエ123                               | 北海道   | 石狩郡当別町     | ビトエ         | 123
            愛知県名古屋市中区栄3-4-5                           | 愛知県   | 名古屋市中区     | 栄             | 3-4-5
            福岡県福岡市博多区博多駅前2丁目1-1                  | 福岡県   | 福岡市博多区     | 博多駅前2丁目  | 1-1
            埼玉県さいたま市大宮区桜木町1-7-5                   | 埼玉県   | さいたま市大宮区 | 桜木町         | 1-7-5
            兵庫県神戸市中央区三宮町1丁目                       | 兵庫県   | 神戸市中央区     | 三宮町1丁目    | ''
            沖縄県那覇市おもろまち4-1                           | 沖縄県   | 那覇市           | おもろまち     | 4-1
            千葉県千葉市美浜区中瀬2-6-1                         | 千葉県   | 千葉市美浜区     | 中瀬           | 2-6-1
            広島県広島市中区基町10-1                            | 広島県   | 広島市中区       | 基町           | 10-1
            宮城県仙台市青葉区一番町4-1-1                       | 宮城県   | 仙台市青葉区     | 一番町         | 4-1-1
            石川県金沢市広坂1-1-1                               | 石川県   | 金沢市           | 広坂           | 1-1-1
            """)
    void anAddressIsSplitIntoPrefectureCityTownAndTheRest(String address, String prefecture, String city, String town,
            String line) {
        AddressSplitter.Split split = SPLITTER.split(address);

        assertThat(split).isEqualTo(new AddressSplitter.Split(prefecture, city, town, line, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            府中市宮町1-1           | ''     | 府中市宮町1-1
            東京都どこかの町1-2     | 東京都 | どこかの町1-2
            """)
    void anAddressTheNamesDoNotExplainIsKeptWholeAndFlagged(String address, String prefecture, String line) {
        AddressSplitter.Split split = SPLITTER.split(address);

        assertThat(split.understood()).isFalse();
        assertThat(split.prefecture()).isEqualTo(prefecture);
        assertThat(split.line()).isEqualTo(line);
    }
}
