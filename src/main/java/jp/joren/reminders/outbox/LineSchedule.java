package jp.joren.reminders.outbox;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** LINE messages go out on the same beat as email, by one node of the cluster at a time. */
@Configuration(proxyBeanMethods = false)
class LineSchedule {

    static final String JOB_NAME = "line-dispatch";

    @Bean
    JobDetail lineDispatchJob() {
        return JobBuilder.newJob(LineDispatchJob.class).withIdentity(JOB_NAME).storeDurably().build();
    }

    @Bean
    Trigger lineDispatchTrigger(JobDetail lineDispatchJob, ReminderProperties reminders) {
        return TriggerBuilder.newTrigger()
                .forJob(lineDispatchJob)
                .withIdentity(JOB_NAME)
                .withSchedule(CronScheduleBuilder.cronSchedule(reminders.sendCron())
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }
}
