package jp.joren.forecast;

import jp.joren.accounts.OwnerOnly;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The owner's check of the forecast on the shop's own recent past. */
@OwnerOnly
@Controller
@RequiredArgsConstructor
class ForecastController {

    private final ShopForecastReads reads;

    @GetMapping("/dashboard/forecast")
    @Transactional(readOnly = true)
    String calibration(Model model) {
        model.addAttribute("fit", reads.fit().orElse(null));
        model.addAttribute("calibration", reads.calibration().orElse(null));
        return "forecast/calibration";
    }
}
