package io.agentledger.app.web;

import io.agentledger.axon.input.NulCharacters;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Type;

/**
 * Refuses NUL characters anywhere in a request body. PostgreSQL cannot store them in text or jsonb,
 * so one that reached an event would stop every projection of that event for good.
 */
@ControllerAdvice
public class NulCharacterGuard extends RequestBodyAdviceAdapter {

    static final String MESSAGE = NulCharacters.MESSAGE;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "");
        return body;
    }

    static void check(Object value, String path) {
        NulCharacters.find(value).ifPresent(found -> {
            throw new InvalidFieldException(join(path, found), MESSAGE);
        });
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : name.isEmpty() ? path : path + "." + name;
    }
}
