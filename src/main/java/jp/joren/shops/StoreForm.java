package jp.joren.shops;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

class StoreForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    @Getter @Setter private String name = "";

    @Getter @Setter private boolean active = true;
}
