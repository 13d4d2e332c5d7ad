package io.github.dynamosetup.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;

/**
 * A WireMock proxy between the plugin and the test server: it forwards every call, except those it is
 * told to answer with a fault instead: an AWS error, an HTTP 500 or 503, a reset connection, or a delay
 * beyond the client's timeout, for the first calls of an operation or for a share of them.
 */
public final class FaultProxy implements AutoCloseable {

    private static final String TARGET = "X-Amz-Target";
    private static final String PREFIX = "DynamoDB_20120810.";

    private final WireMockServer wireMock;

    private FaultProxy(WireMockServer wireMock, String target) {
        this.wireMock = wireMock;
        this.target = target;
    }

    /** A proxy to {@code server}, on a free loopback port. */
    public static FaultProxy inFrontOf(URI server) {
        WireMockServer wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(server.toString())));
        return new FaultProxy(wireMock, server.toString());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + wireMock.port());
    }

    /** What the proxy answers instead of forwarding a call. */
    public sealed interface Fault {

        /** The response builder, or the answer forwarded after a delay. */
        ResponseDefinitionBuilder response(String target);

        /** An AWS error: HTTP status and error code, as DynamoDB sends them. */
        record AwsError(int status, String errorCode) implements Fault {
            @Override
            public ResponseDefinitionBuilder response(String target) {
                return awsError(status, errorCode);
            }
        }

        /** An HTTP status with no AWS error body, as a load balancer sends it (500, 503). */
        record HttpStatus(int status) implements Fault {
            @Override
            public ResponseDefinitionBuilder response(String target) {
                return aResponse().withStatus(status).withBody("<html>" + status + "</html>");
            }
        }

        /** The connection is reset before any answer. */
        record ConnectionReset() implements Fault {
            @Override
            public ResponseDefinitionBuilder response(String target) {
                return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
            }
        }

        /** The call is forwarded, and its answer held back this long (beyond the client's timeout). */
        record Delay(int millis) implements Fault {
            @Override
            public ResponseDefinitionBuilder response(String target) {
                return aResponse().proxiedFrom(target).withFixedDelay(millis);
            }
        }
    }

    private final String target;

    /**
     * The first {@code count} calls of {@code operation} (e.g. {@code CreateTable}) get the AWS error
     * {@code errorCode} with HTTP {@code status}; the calls after them go through.
     */
    public FaultProxy failFirst(String operation, int count, int status, String errorCode) {
        return failFirst(operation, count, new Fault.AwsError(status, errorCode));
    }

    /** The first {@code count} calls of {@code operation} get {@code fault}; the calls after them go through. */
    public FaultProxy failFirst(String operation, int count, Fault fault) {
        String scenario = operation + " first " + count;
        for (int i = 0; i < count; i++) {
            wireMock.stubFor(post(anyUrl()).atPriority(1)
                    .withHeader(TARGET, equalTo(PREFIX + operation))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after " + i)
                    .willSetStateTo("after " + (i + 1))
                    .willReturn(fault.response(target)));
        }
        return this;
    }

    /** One call in every {@code every} calls of {@code operation}, the first of each round, gets {@code fault}. */
    public FaultProxy failOneIn(String operation, int every, Fault fault) {
        String scenario = operation + " one in " + every;
        for (int i = 0; i < every; i++) {
            String state = i == 0 ? Scenario.STARTED : "call " + i;
            String next = i + 1 == every ? Scenario.STARTED : "call " + (i + 1);
            wireMock.stubFor(post(anyUrl()).atPriority(2)
                    .withHeader(TARGET, equalTo(PREFIX + operation))
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willSetStateTo(next)
                    .willReturn(i == 0 ? fault.response(target) : aResponse().proxiedFrom(target)));
        }
        return this;
    }

    /** How many calls of {@code operation} the server answered with success (faults not counted). */
    public int successes(String operation) {
        return (int) wireMock.getAllServeEvents().stream()
                .filter(e -> (PREFIX + operation).equals(e.getRequest().getHeader(TARGET)))
                .filter(e -> e.getResponse() != null && e.getResponse().getStatus() == 200
                        && e.getResponse().getFault() == null)
                .count();
    }

    /** How many calls of {@code operation} reached the proxy, faults included. */
    public int calls(String operation) {
        return wireMock.countRequestsMatching(postRequestedFor(anyUrl())
                .withHeader(TARGET, equalTo(PREFIX + operation)).build()).getCount();
    }

    private static ResponseDefinitionBuilder awsError(int status, String errorCode) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.0")
                .withHeader("x-amzn-RequestId", "fault-proxy")
                .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorCode + "\",\"message\":\""
                        + errorCode + " injected by the test's fault proxy\"}");
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
