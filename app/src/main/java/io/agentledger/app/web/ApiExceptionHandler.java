package io.agentledger.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.agentledger.app.web.Problem.FieldError;
import io.agentledger.app.web.RequestSizeLimitFilter.PayloadTooLargeException;
import io.agentledger.kernel.error.BusinessError;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Maps every failure to one problem body. Client mistakes get their 4xx with a clear detail; only
 * what the service itself got wrong is a 500, logged with the request id and shown without internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private final RejectionRecorder rejections;

    public ApiExceptionHandler(RejectionRecorder rejections) {
        this.rejections = rejections;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(fieldName(f.getField()), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return respond(ErrorCode.VALIDATION_ERROR, summary(errors), errors, request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Problem> invalidField(InvalidFieldException e, HttpServletRequest request) {
        return respond(ErrorCode.VALIDATION_ERROR, e.field() + " " + e.getMessage(),
                List.of(new FieldError(e.field(), e.getMessage())), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        fieldName(r.getMethodParameter().getParameterName()), err.getDefaultMessage())))
                .toList();
        return respond(ErrorCode.VALIDATION_ERROR, summary(errors), errors, request);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Problem> uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e,
                                           HttpServletRequest request) {
        return respond(ErrorCode.PAYLOAD_TOO_LARGE, "The upload is larger than the limit of "
                + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes" : "this service"), List.of(), request);
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Problem> badMultipart(org.springframework.web.multipart.MultipartException e,
                                         HttpServletRequest request) {
        if (findCause(e, PayloadTooLargeException.class) != null) {
            return respond(ErrorCode.PAYLOAD_TOO_LARGE, findCause(e, PayloadTooLargeException.class).getMessage(),
                    List.of(), request);
        }
        return respond(ErrorCode.BAD_REQUEST, "The request is not a readable multipart form", List.of(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (findCause(e, PayloadTooLargeException.class) != null) {
            return respond(ErrorCode.PAYLOAD_TOO_LARGE, findCause(e, PayloadTooLargeException.class).getMessage(),
                    List.of(), request);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return respond(ErrorCode.VALIDATION_ERROR, "Unknown field: " + field,
                    List.of(new FieldError(field, "is not a known field")), request);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return respond(ErrorCode.VALIDATION_ERROR, "Invalid value for " + field,
                    List.of(new FieldError(field, "has an invalid value or type")), request);
        }
        if (cause instanceof JsonProcessingException) {
            return respond(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON", List.of(), request);
        }
        return respond(ErrorCode.BAD_REQUEST, "The request body is missing or unreadable", List.of(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> parameterType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String name = fieldName(e.getName());
        String message = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "must be one of " + java.util.Arrays.stream(e.getRequiredType().getEnumConstants())
                .map(c -> c.toString().toLowerCase().replace("_", "")).collect(Collectors.joining(", "))
                : "has an invalid value";
        return respond(ErrorCode.VALIDATION_ERROR, "Invalid value for parameter " + name,
                List.of(new FieldError(name, message)), request);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    ResponseEntity<Problem> missingParameter(Exception e, HttpServletRequest request) {
        return respond(ErrorCode.BAD_REQUEST, e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type "
                + (e.getContentType() == null ? "(none)" : e.getContentType()) + " is not supported; send "
                + MediaType.APPLICATION_JSON_VALUE, List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(ErrorCode.NOT_ACCEPTABLE, "This resource is only available as application/json", List.of(),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here", List.of(),
                request);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Problem> noRoute(Exception e, HttpServletRequest request) {
        return respond(ErrorCode.NOT_FOUND, "No such resource: " + request.getRequestURI(), List.of(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Problem> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(ErrorCode.FORBIDDEN, "Your role does not allow this operation", List.of(), request);
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ResponseEntity<Problem> unauthenticated(Exception e, HttpServletRequest request) {
        return respond(ErrorCode.UNAUTHORIZED, io.agentledger.app.security.SecurityProblems.AUTHENTICATION_REQUIRED, List.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> any(Exception e, HttpServletRequest request) {
        Throwable failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        BusinessError business = BusinessErrors.of(failure);
        if (business != null) {
            return respond(business.code(), business.detail(), List.of(), request);
        }
        AggregateNotFoundException notFound = findCause(failure, AggregateNotFoundException.class);
        if (notFound != null) {
            return respond(ErrorCode.NOT_FOUND, "Resource " + notFound.getAggregateIdentifier() + " not found",
                    List.of(), request);
        }
        if (findCause(failure, ConflictingModificationException.class) != null) {
            return respond(ErrorCode.VERSION_CONFLICT, "The resource has changed since the version you sent; "
                    + "read it again and retry", List.of(), request);
        }
        if (findCause(failure, ConcurrencyException.class) != null
                || findCause(failure, AggregateStreamCreationException.class) != null) {
            return respond(ErrorCode.CONFLICT, "A concurrent change to the same resource won; retry",
                    List.of(), request);
        }
        if (failure instanceof AccessDeniedException denied) {
            return denied(denied, request);
        }
        log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), failure);
        return respond(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; quote the request id to support",
                List.of(), request);
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String fieldName(String javaName) {
        return javaName == null ? "" : SNAKE.translate(javaName);
    }

    private static String summary(List<FieldError> errors) {
        return errors.isEmpty() ? "The request is invalid" : errors.stream()
                .map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
    }

    private ResponseEntity<Problem> respond(ErrorCode code, String detail, List<FieldError> errors,
                                            HttpServletRequest request) {
        rejections.record(request, code, detail);
        return ResponseEntity.status(code.httpStatus()).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Problem.of(code, detail, errors, RequestIds.of(request)));
    }
}
