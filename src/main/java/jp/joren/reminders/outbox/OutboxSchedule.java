package jp.joren.reminders.outbox;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Twice a minute one node of the cluster sends what is due; a missed firing is simply the next one. */
@Configuration(proxyBeanMethods = false)
class OutboxSchedule {

    static final String JOB_NAME = "outbox-dispatch";

    @Bean
    JobDetail outboxDispatchJob() {
        return JobBuilder.newJob(OutboxDispatchJob.class).withIdentity(JOB_NAME).storeDurably().build();
    }

    @Bean
    Trigger outboxDispatchTrigger(JobDetail outboxDispatchJob, ReminderProperties reminders) {
        return TriggerBuilder.newTrigger()
                .forJob(outboxDispatchJob)
                .withIdentity(JOB_NAME)
                .withSchedule(CronScheduleBuilder.cronSchedule(reminders.sendCron())
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }
}
