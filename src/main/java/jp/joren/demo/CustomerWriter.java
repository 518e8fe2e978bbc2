package jp.joren.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jp.joren.demo.DemoCustomer.Consent;
import jp.joren.demo.Neighbourhood.Address;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes a chunk of customers with their consent ledger and the pressure cookers they already owned. */
@Component
@RequiredArgsConstructor
class CustomerWriter {

    private final JdbcClient jdbc;

    /** @return the new customers' ids, in the order of {@code customers} */
    long[] write(List<DemoCustomer> customers, ShopTeam team) {
        long[] ids = Ids.allocate(jdbc, "customer", customers.size());
        BulkInsert.rows(customers.size())
                .bigint("id", i -> ids[i])
                .text("name", i -> person(customers, i).name())
                .text("name_kana", i -> person(customers, i).kana())
                .text("email", i -> person(customers, i).email())
                .text("phone", i -> person(customers, i).phone())
                .text("postal_code", i -> address(customers, i, a -> a.town().postalCode()))
                .text("prefecture", i -> address(customers, i, a -> a.town().prefecture()))
                .text("city", i -> address(customers, i, a -> a.town().city()))
                .text("town", i -> address(customers, i, Address::townName))
                .text("address_line", i -> address(customers, i, Address::line))
                .value("birthday", "date", i -> person(customers, i).birthday())
                .text("acquisition_channel", i -> person(customers, i).channel())
                .bigint("store_id", i -> team.storeId(person(customers, i).atBranch()))
                .text("notes", i -> person(customers, i).notes())
                .value("created_at", "timestamptz", i -> customers.get(i).createdAt())
                .value("created_by", "bigint", i -> team.accountId(customers.get(i).registeredBy()))
                .into(jdbc, "customer");
        writeConsents(customers, ids, team);
        writeOldModels(customers, ids);
        return ids;
    }

    /** Codes follow registration order, as a shop numbering its customers would have given them. */
    void numberInOrderOfRegistration() {
        jdbc.sql("select number_customers(:shop)").param("shop", CurrentTenant.require()).query().singleRow();
    }

    private void writeConsents(List<DemoCustomer> customers, long[] ids, ShopTeam team) {
        List<Long> customerIds = new ArrayList<>();
        List<Consent> consents = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            for (Consent consent : customers.get(i).consents()) {
                customerIds.add(ids[i]);
                consents.add(consent);
            }
        }
        BulkInsert.rows(consents.size())
                .bigint("customer_id", customerIds::get)
                .text("channel", i -> consents.get(i).channel())
                .text("purpose", i -> "ADVERTISING")
                .value("granted", "boolean", i -> consents.get(i).granted())
                .value("recorded_at", "timestamptz", i -> consents.get(i).recordedAt())
                .text("method", i -> consents.get(i).method())
                .text("wording_version", i -> consents.get(i).wordingVersion())
                .value("recorded_by", "bigint", i -> team.accountId(consents.get(i).recordedBy()))
                .into(jdbc, "consent");
    }

    /** Told at the counter, not bought here: no source purchase. */
    private void writeOldModels(List<DemoCustomer> customers, long[] ids) {
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            if (customers.get(i).oldModel() != null) {
                owners.add(i);
            }
        }
        BulkInsert.rows(owners.size())
                .bigint("customer_id", i -> ids[owners.get(i)])
                .bigint("product_model_id", i -> customers.get(owners.get(i)).oldModel().modelId())
                .value("purchased_on", "date", i -> customers.get(owners.get(i)).oldModelSince())
                .into(jdbc, "owned_product");
    }

    private static Person person(List<DemoCustomer> customers, int i) {
        return customers.get(i).person();
    }

    private static String address(List<DemoCustomer> customers, int i, Function<Address, String> part) {
        Address address = person(customers, i).address();
        return address == null ? null : part.apply(address);
    }
}
