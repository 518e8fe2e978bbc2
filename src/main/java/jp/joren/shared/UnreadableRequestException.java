package jp.joren.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request no page of Joren writes (a list's address with a cell that does not exist, a month missing):
 * the person gets the page saying it could not be read, not a server error.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class UnreadableRequestException extends RuntimeException {

    public UnreadableRequestException(String what) {
        super(what);
    }
}
