package jp.joren;

import jp.joren.tenancy.LocalDatabaseProvisioner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JorenApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(JorenApplication.class);
        application.addListeners(new LocalDatabaseProvisioner());
        application.run(args);
    }
}
