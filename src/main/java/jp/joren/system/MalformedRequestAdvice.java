package jp.joren.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

/**
 * Requests no page of Joren sends (a form line far past the form's, an upload that is not one) get the
 * error page that says the request could not be read, not a server error.
 */
@ControllerAdvice
class MalformedRequestAdvice {

    @ExceptionHandler({InvalidPropertyException.class, MultipartException.class})
    void badRequest(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
