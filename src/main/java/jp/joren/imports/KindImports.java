package jp.joren.imports;

import jakarta.validation.Validator;
import jp.joren.addresses.AddressSplitter;
import jp.joren.audit.AuditLog;
import jp.joren.customers.CustomerCodes;
import jp.joren.customers.OwnedProducts;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Makes the import of a job's kind, for one pass over its file: what the kinds need from the rest of Joren. */
@Component
@RequiredArgsConstructor
class KindImports {

    private final JdbcClient jdbc;
    private final OwnedProducts ownedProducts;
    private final CustomerCodes codes;
    private final ShopSettings shop;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Validator validator;
    private final AddressSplitter addresses;

    /** @param run what the run writes by (null while checking) */
    KindImport of(ImportJob job, long ownerId, ImportRun run) {
        return switch (job.kind()) {
            case CUSTOMERS -> customerImport(ownerId, run);
            case PRODUCTS -> new ProductImport(jdbc, run == null ? null : run.importId());
            case PURCHASES -> new PurchaseImport(jdbc, ownedProducts, shop.currentShop().getZone(), ownerId,
                    run == null ? null : run.importId());
            case SALES -> new SalesImport(jdbc, customerImport(ownerId, run), ownedProducts, shop.currentShop().getZone(),
                    ownerId, run, job.currencyFactor());
        };
    }

    private CustomerImport customerImport(long ownerId, ImportRun run) {
        return new CustomerImport(jdbc, codes, audit, json, validator, ownerId, shop.currentShop().getZone(), run,
                addresses);
    }
}
