package jp.joren.nightly;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every few minutes one node of the cluster looks for shops whose night has come. */
@Configuration(proxyBeanMethods = false)
class NightlySchedule {

    static final String JOB_NAME = "nightly-dispatch";

    @Bean
    JobDetail nightlyDispatchJob() {
        return JobBuilder.newJob(NightlyDispatchJob.class)
                .withIdentity(JOB_NAME)
                .storeDurably()
                .requestRecovery()
                .build();
    }

    @Bean
    Trigger nightlyDispatchTrigger(JobDetail nightlyDispatchJob, NightlyProperties nightly) {
        return TriggerBuilder.newTrigger()
                .forJob(nightlyDispatchJob)
                .withIdentity(JOB_NAME)
                .withSchedule(CronScheduleBuilder.cronSchedule(nightly.dispatchCron())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
