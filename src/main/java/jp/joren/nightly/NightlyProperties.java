package jp.joren.nightly;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** When the nightly dispatcher looks for shops whose night is due (joren.nightly.*); tests set a cron that never fires. */
@ConfigurationProperties("joren.nightly")
record NightlyProperties(@DefaultValue("0 0/10 * * * ?") String dispatchCron) {
}
