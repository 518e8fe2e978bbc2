package jp.joren.accounts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Accounts extends JpaRepository<Account, Long> {

    List<Account> findAllByOrderByRoleAscDisplayNameAsc();
}
