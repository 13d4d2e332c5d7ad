package io.github.dynamosetup.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.HostPortWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The choice {@code auto} makes (Docker, else moto, else dynalite), and the container {@code docker} runs, checked
 * without a Docker engine (there is none on the project's machines; the IT docker-start runs where one is).
 */
class BackendsTest {

    private static Backends with(boolean docker, boolean moto, boolean dynalite) {
        return new FixedBackends(docker, moto, dynalite ? Optional.of(List.of("dynalite")) : Optional.empty());
    }

    @Test
    void autoPrefersDockerWhereAnEngineAnswers() throws Exception {
        assertThat(with(true, true, true).auto()).isEqualTo(Backend.DOCKER);
    }

    @Test
    void autoTakesMotoWithoutDocker() throws Exception {
        assertThat(with(false, true, true).auto()).isEqualTo(Backend.MOTO);
    }

    @Test
    void autoTakesDynaliteWhenItIsTheOnlyOne() throws Exception {
        assertThat(with(false, false, true).auto()).isEqualTo(Backend.DYNALITE);
    }

    @Test
    void autoWithNothingInstalledNamesTheThreeWays() {
        assertThatThrownBy(() -> with(false, false, false).auto()).isInstanceOf(LocalServerException.class)
                .hasMessageContaining("start a Docker engine (the image motoserver/moto:5.1.4 is then run)")
                .hasMessageContaining("pip install 'moto[server]'").hasMessageContaining("npm install -g dynalite")
                .satisfies(e -> assertThat(((LocalServerException) e).unavailable()).isTrue());
    }

    @Test
    void theDefaultContainerIsThePinnedMotoImageWithItsPortMappedAndAwaited() {
        GenericContainer<?> container = LocalServers.container(LocalServers.DEFAULT_IMAGE, null);

        // the image as given, not yet resolved (getDockerImageName() would ask a Docker engine)
        assertThat(container.getImage().toString()).contains("imageName=motoserver/moto:5.1.4");
        assertThat(container.getExposedPorts()).containsExactly(5000);
        assertThat(container.getPortBindings()).as("a free host port, chosen by Docker").isEmpty();
    }

    @Test
    void theContainerIsReadyOnceItsPortListens() {
        Inspectable container = LocalServers.configure(new Inspectable(LocalServers.DEFAULT_IMAGE),
                LocalServers.DEFAULT_IMAGE, null);

        assertThat(container.waitStrategy()).isInstanceOf(HostPortWaitStrategy.class);
    }

    /** A container whose wait strategy a test can read. */
    private static final class Inspectable extends GenericContainer<Inspectable> {

        Inspectable(String image) {
            super(DockerImageName.parse(image));
        }

        WaitStrategy waitStrategy() {
            return getWaitStrategy();
        }
    }

    @Test
    void dynamoDbLocalAndLocalStackImagesListenOnTheirOwnPorts() {
        assertThat(LocalServers.container("amazon/dynamodb-local:2.6.1", null).getExposedPorts()).containsExactly(8000);
        assertThat(LocalServers.container("localstack/localstack:4", null).getExposedPorts()).containsExactly(4566);
        assertThat(LocalServers.container("example/dynamo:1", 9000).getExposedPorts()).containsExactly(9000);
    }

    @Test
    void thisMachineRunsMotoAndDynaliteFromItsCli(@TempDir Path empty) {
        Path cli = Path.of("src/test/dynalite/node_modules/dynalite/cli.js").toAbsolutePath();
        Backends here = Backends.ofThisMachine(cli, System.getenv());

        assertThat(here.motoRuns()).as("python3 -c 'import moto.server' (moto is preinstalled for the tests)").isTrue();
        assertThat(here.dynaliteCommand()).contains(List.of("node", cli.toString()));
        assertThat(Backends.ofThisMachine(cli.getParent().getParent().getParent(), System.getenv()).dynaliteCommand())
                .as("the folder npm install ran in").contains(List.of("node", cli.toString()));
        assertThat(Backends.ofThisMachine(empty, System.getenv()).dynaliteCommand()).as("a folder without it")
                .isEmpty();
        assertThat(Backends.ofThisMachine(null, Map.of("PATH", empty.toString())).dynaliteCommand())
                .as("no dynalite on the PATH").isEmpty();
    }

    @Test
    void backendNamesAreTheirPomValuesInAnyCase() {
        assertThat(Backend.of("Moto")).contains(Backend.MOTO);
        assertThat(Backend.of("auto")).isEmpty();
    }
}
