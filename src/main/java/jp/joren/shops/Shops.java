package jp.joren.shops;

import org.springframework.data.jpa.repository.JpaRepository;

interface Shops extends JpaRepository<Shop, Long> {
}
