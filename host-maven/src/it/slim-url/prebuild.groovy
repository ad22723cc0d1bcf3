// IT slim-url, pre-build hook (prebuild.groovy): serves the remote slimming rules on 127.0.0.1 (a free port) in this JVM and
// hands the port to the forked build through .mvn/maven.config; verify.groovy stops the server.
import com.sun.net.httpserver.HttpServer
import java.util.concurrent.atomic.AtomicInteger

def body = '''{"success":true,"result":{"app":"slim-url",
 "jarBlackGroupIds":["commons-io"],"jarBlackArtifactIds":[],"jarBlackList":["dev.arkpack.it:lib-a"],
 "jarWhiteGroupIds":[],"jarWhiteArtifactIds":[],"jarWhiteList":[],
 "jarWarnGroupIds":[],"jarWarnArtifactIds":["commons-lang3"],"jarWarnList":[]}}'''.getBytes('UTF-8')
def hits = new AtomicInteger()
def server = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 0)
server.createContext('/rules') { ex ->
    hits.incrementAndGet()
    ex.responseHeaders.add('Content-Type', 'application/json')
    ex.sendResponseHeaders(200, body.length)
    ex.responseBody.withStream { it.write(body) }
}
server.start()
System.properties['arkpack.it.slim-url.server'] = server
System.properties['arkpack.it.slim-url.hits'] = hits
def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
new File(mvn, 'maven.config').text = "-Dslim.url.port=${server.address.port}\n"
return true
