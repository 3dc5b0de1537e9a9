package io.agentledger.app.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/**
 * Refuses NUL characters anywhere in a request body. PostgreSQL cannot store them in text or jsonb,
 * so one that reached an event would stop every projection of that event for good.
 */
@ControllerAdvice
public class NulCharacterGuard extends RequestBodyAdviceAdapter {

    static final String MESSAGE = "must not contain NUL characters";
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

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
        if (value instanceof String text) {
            if (text.indexOf('\0') >= 0) {
                throw new InvalidFieldException(path, MESSAGE);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                String child = join(path, String.valueOf(key));
                check(key, child);
                check(item, child);
            });
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                check(item, path + "[" + index++ + "]");
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                check(read(component, value), join(path, SNAKE.translate(component.getName())));
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
