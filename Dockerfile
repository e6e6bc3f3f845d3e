# The image an exported workflow runs by default (stagecraft export argo --image; default
# stagecraft:0.1.0): a Java 17 runtime and the CLI jar, with `stagecraft` on the PATH.
#
#   mvn -B -q -DskipTests package          # builds examples/target/stagecraft.jar
#   docker build -t stagecraft:0.1.0 .
#
# Your own pipelines: build FROM this image, copy their compiled classes or jar in, and set
# STAGECRAFT_CLASSPATH to them (see README.md, "Run it on Kubernetes").
FROM eclipse-temurin:17-jre

RUN useradd --uid 1000 --create-home stagecraft \
 && mkdir -p /opt/stagecraft \
 && printf '%s\n' '#!/bin/sh' \
      'exec java ${STAGECRAFT_JAVA_OPTS:-} -cp "/opt/stagecraft/stagecraft.jar${STAGECRAFT_CLASSPATH:+:$STAGECRAFT_CLASSPATH}" dev.stagecraft.runtime.cli.StagecraftCli "$@"' \
      > /usr/local/bin/stagecraft \
 && chmod 755 /usr/local/bin/stagecraft

COPY examples/target/stagecraft.jar /opt/stagecraft/stagecraft.jar

USER 1000
WORKDIR /home/stagecraft
ENTRYPOINT ["stagecraft"]
