package jp.joren.shops;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Stores extends JpaRepository<Store, Long> {

    /** The shop's stores, oldest (the first, 本店) first. */
    @Query("select s from Store s order by s.id")
    List<Store> allInOrder();
}
