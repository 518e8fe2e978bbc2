package jp.joren.nightly;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.KeyMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.quartz.autoconfigure.QuartzDataSource;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two app nodes share one Quartz cluster: a fired dispatch runs on one of them, never on both. */
@JorenIntegrationTest
class ClusteredDispatchTest {

    @Autowired
    Scheduler firstNode;

    @Autowired
    @QuartzDataSource
    DataSource quartzDataSource;

    @Autowired
    QuartzProperties quartzProperties;

    @Autowired
    ApplicationContext context;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aDispatchFiredInTheClusterRunsOnExactlyOneNode() throws Exception {
        TestShop shop = shops.newShop("クラスタ検査店");
        // due whatever the hour the test runs at (the default, 02:00 local, is not yet reached before it)
        CurrentTenant.runAs(shop.tenantId(), () -> transaction.executeWithoutResult(status ->
                jdbc.sql("update shop set nightly_run_at = '00:00'").update()));
        SchedulerFactoryBean secondNodeFactory = secondNode();
        Scheduler secondNode = secondNodeFactory.getObject();
        AtomicInteger executions = new AtomicInteger();
        JobKey dispatch = JobKey.jobKey(NightlySchedule.JOB_NAME);
        for (Scheduler node : new Scheduler[] {firstNode, secondNode}) {
            node.getListenerManager().addJobListener(new CountingListener(node.getSchedulerInstanceId(), executions),
                    KeyMatcher.keyEquals(dispatch));
        }
        try {
            secondNode.triggerJob(dispatch);

            await("the shop's run").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> succeededRuns(shop) > 0);
            Thread.sleep(2_000); // give a second (wrong) execution time to show up

            assertThat(succeededRuns(shop)).isEqualTo(1);
            assertThat(executions.get()).isEqualTo(1);
        } finally {
            secondNodeFactory.destroy();
        }
    }

    private long succeededRuns(TestShop shop) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql("select count(*) from nightly_run where status = 'SUCCEEDED'").query(Long.class).single()));
    }

    private SchedulerFactoryBean secondNode() throws Exception {
        SpringBeanJobFactory jobFactory = new SpringBeanJobFactory();
        jobFactory.setApplicationContext(context);
        Properties properties = new Properties();
        properties.putAll(quartzProperties.getProperties());
        properties.put("org.quartz.scheduler.instanceId", "second-node");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName(quartzProperties.getSchedulerName());
        factory.setDataSource(quartzDataSource);
        factory.setQuartzProperties(properties);
        factory.setJobFactory(jobFactory);
        factory.setApplicationContext(context);
        factory.setBeanName("second-node");
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private record CountingListener(String node, AtomicInteger executions) implements JobListener {

        @Override
        public String getName() {
            return "count-on-" + node;
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
            executions.incrementAndGet();
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException exception) {
        }
    }
}
