package jp.joren.shops;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Stores extends JpaRepository<Store, Long> {

    List<Store> findAllByOrderByIdAsc();
}
