// IT slim-bad-pattern: an <excludes> item with too many parts (a:b:c:d:e) fails the build and names <excludes>
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectFailure('arkpack failed (exit 4): invalid <excludes>: `a:b:c:d:e`: has 5 parts; write groupId:artifactId[:version[:classifier]]')
return true
