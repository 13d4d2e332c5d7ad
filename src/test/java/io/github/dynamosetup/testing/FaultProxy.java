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
 * told to answer with a fault instead (an AWS error, for a given number of calls of one operation).
 */
public final class FaultProxy implements AutoCloseable {

    private static final String TARGET = "X-Amz-Target";
    private static final String PREFIX = "DynamoDB_20120810.";

    private final WireMockServer wireMock;

    private FaultProxy(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** A proxy to {@code server}, on a free loopback port. */
    public static FaultProxy inFrontOf(URI server) {
        WireMockServer wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(server.toString())));
        return new FaultProxy(wireMock);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + wireMock.port());
    }

    /**
     * The first {@code count} calls of {@code operation} (e.g. {@code CreateTable}) get the AWS error
     * {@code errorCode} with HTTP {@code status}; the calls after them go through.
     */
    public FaultProxy failFirst(String operation, int count, int status, String errorCode) {
        String scenario = operation + " " + errorCode;
        for (int i = 0; i < count; i++) {
            wireMock.stubFor(post(anyUrl()).atPriority(1)
                    .withHeader(TARGET, equalTo(PREFIX + operation))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after " + i)
                    .willSetStateTo("after " + (i + 1))
                    .willReturn(awsError(status, errorCode)));
        }
        return this;
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
