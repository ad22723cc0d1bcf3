// IT slim-vs-official: the over-slim fixture packaged by sofa-ark-maven-plugin 3.1.11 and by arkpack, both with <excludes> lib-a
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
// The official plugin walks Maven's pruned tree: lib-c hangs under lib-a there, so it goes with lib-a
// although lib-b (kept) needs it. arkpack walks the full graph and keeps lib-c. That is the one difference.
def official = new File(check.target, 'official/slim-vs-official-1.0.0-ark-biz.jar')
assert official.isFile() : "no official biz jar at $official"
def ours = check.libs(check.bizJar), theirs = check.libs(official)
def report = "lib/ only in arkpack's jar: ${(ours - theirs).sort()}\nlib/ only in the official jar: ${(theirs - ours).sort()}\n"
println report
new File(basedir, 'differences.txt').text = report
assert theirs == ['lib-b-1.0.0.jar', 'commons-lang3-3.12.0.jar'] as Set : "official lib/: $theirs"
assert ours - theirs == ['lib-c-1.0.0.jar'] as Set && (theirs - ours).isEmpty() : report
// and arkpack's report says why it kept lib-c, and that the official plugin removes it
def libC = check.json('sofa-ark/arkpack-slim-report.json').artifacts.find { it.id == 'dev.arkpack.it:lib-c:jar' }
assert libC.kept == true
assert libC.rule == 'needed by a kept dependency, though an excluded one needs it too'
assert libC.path == ['it.arkpack:slim-vs-official:1.0.0', 'dev.arkpack.it:lib-b:1.0.0', 'dev.arkpack.it:lib-c:1.0.0']
assert libC.official == "removed by the official plugin: Maven's pruned tree shows it under excluded dev.arkpack.it:lib-a:1.0.0, though a kept dependency needs it"
check.expectSlim(['dev.arkpack.it:lib-a:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar'])
return true
