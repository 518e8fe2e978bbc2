/**
 * Which shop a transaction works for. The tenant comes from the authenticated principal, or is bound
 * explicitly for sign-up, public pages and jobs; it is written into the transaction-local setting
 * {@code app.tenant_id} that every row-level security policy reads. Nothing here reads a request.
 */
@NullMarked
package jp.joren.tenancy;

import org.jspecify.annotations.NullMarked;
